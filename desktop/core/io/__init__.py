"""File input and output: Excel and delimited text in, Excel out (PDFs come later)."""
