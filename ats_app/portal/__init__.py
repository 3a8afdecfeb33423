"""The candidate portal: portal accounts and one-time links, and what a candidate can see and do."""
