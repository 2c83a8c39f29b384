"""The registry room: persons and their PPKS, families, PSKS."""
