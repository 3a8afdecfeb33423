"""Panel review in the staff app: the Send to review panel form, the project page's Review panels section
(progress and revoking), and the Collaborative rating section of Application and CV with the rating an internal
reviewer gives there."""
