"""Panel review in the staff app: the Collaborative rating section of Application and CV, with the rating an
internal reviewer gives there."""
