"""The settings room: the set-up wizard and Pengaturan."""
