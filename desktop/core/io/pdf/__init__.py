"""PDF documents drawn with reportlab: letters (and later rosters, coupons, berita acara)."""
