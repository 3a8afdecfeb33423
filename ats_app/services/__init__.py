"""Every rule of the product, as plain Python over a DB session. Nothing here imports Reflex."""
