"""The exchange room: the import wizard, exports and the import history."""
