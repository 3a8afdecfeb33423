"""Personal data: anonymising a profile before it leaves the organisation."""
