"""The aid room: programmes and recipient lists, distribution events, the check-in desk."""
