"""Users, sessions and rights: logging in, who may see which projects, and the guard in front of every
Reflex event handler."""
