"""The offers UI: the Send offer form and the offer section of Application and CV."""
