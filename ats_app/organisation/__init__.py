"""The organisation: its name, address and time zone, departments and positions, rejection reasons and
delays (Settings), and the reference data every database starts with."""
