"""The referrals room: referrals, letters, the outgoing-letter register, verification."""
