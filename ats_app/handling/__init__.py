"""Application handling: the applicant list, Application and CV, the Further progress catalogue and
Execute, and the actions that are not a concern of their own (withdraw, delete, save, transfer, offer,
hire, send email, forward, save and send, delete permanently), the CV database and Deleted applications."""
