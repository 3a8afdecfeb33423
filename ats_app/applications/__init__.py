"""An application's life whatever the action: finding one the user may see, its history lines, status
changes and which statuses an action may start from, the rejection stages, search keys, the CV file."""
