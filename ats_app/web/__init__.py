"""Plain Starlette routes on the app's one port: the route table, health, and what the public,
server-rendered pages share."""
