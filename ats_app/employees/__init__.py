"""Employees: the people hired, with their position and department."""
