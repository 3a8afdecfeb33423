"""The way in: documents a candidate sends, receiving an application (careers form or by hand), the form's routes."""
