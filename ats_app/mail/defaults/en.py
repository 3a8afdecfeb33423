"""Default email and letter texts in English: kind code → (subject, body HTML)."""

TEMPLATES: dict[str, tuple[str, str]] = {
    "application_received": (
        "We have received your application for {projecttitle}",
        """<p>Dear {firstname},</p>
<p>Thank you for applying for {projecttitle} at {companyname}. We have received your application, and we appreciate your interest.</p>
<p>We will now read through the applications, and you will hear from us as soon as we know more about the next step.</p>
<p>If you have any questions in the meantime, you are welcome to contact me at {recruiteremail}.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_application_review": (
        "Your application for {projecttitle}",
        """<p>Dear {firstname},</p>
<p>Thank you for applying for {projecttitle}, and for the time you spent on your application.</p>
<p>We have read your application carefully, and we have decided not to take it further in this recruitment.</p>
<p>{message}</p>
<p>We wish you the very best in your job search.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_screening": (
        "Your application for {projecttitle}",
        """<p>Dear {firstname},</p>
<p>Thank you for applying for {projecttitle}, and for the time you spent on your application.</p>
<p>Your answers to the screening questions show that you do not meet what this position requires: {requirement}. Your application will therefore not go further in this recruitment.</p>
<p>{message}</p>
<p>We would rather tell you early and clearly, so that you can spend your time on other opportunities. You are welcome to apply for other positions with us where the requirements suit your background better.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.timed": (
        "Your application for {projecttitle}",
        """<p>Dear {firstname},</p>
<p>Thank you for applying for {projecttitle}, and for your patience while we have worked through the applications.</p>
<p>Your application has not gone further in this recruitment, and we are now closing it. We are sorry that it has taken a while before you heard from us.</p>
<p>{message}</p>
<p>Thank you for your interest in {companyname}. We wish you the very best in your job search.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_initial_meeting": (
        "Your application for {projecttitle}",
        """<p>Dear {firstname},</p>
<p>Thank you for talking with us about {projecttitle}, and for the time you have given to the process so far.</p>
<p>We have thought carefully about the next step, and we have decided not to take your application further.</p>
<p>{message}</p>
<p>If you would like to hear more about how we reached our decision, you are welcome to contact me at {recruiteremail}. I wish you all the best.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_first_interview": (
        "Your application for {projecttitle}",
        """<p>Dear {firstname},</p>
<p>Thank you for meeting us for an interview for {projecttitle}. We appreciated the conversation, and the time you took to prepare and to tell us about yourself.</p>
<p>After careful consideration we have decided not to take you further in the process. We know this is not the answer you hoped for.</p>
<p>{message}</p>
<p>If you would like feedback on your interview, I am happy to talk it through with you. Just reply to this email or contact me at {recruiteremail}.</p>
<p>Thank you again for your interest in {companyname}, and all the best for the future.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_second_interview": (
        "Your application for {projecttitle}",
        """<p>Dear {firstname},</p>
<p>Thank you for coming to a second interview for {projecttitle}, and for all the time and effort you have put into the process. It has been a pleasure getting to know you.</p>
<p>This has been a difficult choice, and we have decided not to go further with your application. I am sorry that the answer is no this time.</p>
<p>{message}</p>
<p>I would be glad to give you feedback on the process if you would like it. Reply to this email or contact me at {recruiteremail}, and we will find a time to talk.</p>
<p>Thank you again for the trust you have shown us. I wish you every success.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "rejection.after_third_interview": (
        "Your application for {projecttitle}",
        """<p>Dear {firstname},</p>
<p>Thank you for the time and energy you have put into the whole process for {projecttitle}, through three interviews. We have really valued getting to know you.</p>
<p>You were among the last candidates we considered, and the decision was a hard one. In the end we have chosen another candidate for the position, and I am sorry to bring you this news.</p>
<p>{message}</p>
<p>I would very much like to give you feedback, if you want it. Reply to this email or contact me at {recruiteremail}, and we will find a time to talk.</p>
<p>We would be glad to see you apply to {companyname} again in the future. All the best.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.initial": (
        "Invitation to an initial conversation about {projecttitle}",
        """<p>Dear {firstname},</p>
<p>Thank you for your application for {projecttitle}. We would like to get to know you a little better, and invite you to a short initial conversation.</p>
<ul>
<li><strong>What:</strong> {interviewtype}</li>
<li><strong>When:</strong> {interviewdate} at {interviewtime} ({duration})</li>
<li><strong>Where:</strong> {address}</li>
<li><strong>With:</strong> {interviewers}</li>
</ul>
<p>Please answer the invitation with the link below, so that we know whether the time suits you. If it does not, you can ask us to find a new time.</p>
<p>{confirmlink}</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.first": (
        "Invitation to interview for {projecttitle}",
        """<p>Dear {firstname},</p>
<p>Thank you for your application for {projecttitle}. We read it with interest, and we would like to meet you for an interview, to get to know you better and to tell you more about the position and about us.</p>
<ul>
<li><strong>What:</strong> {interviewtype}</li>
<li><strong>When:</strong> {interviewdate} at {interviewtime} ({duration})</li>
<li><strong>Where:</strong> {address}</li>
<li><strong>With:</strong> {interviewers}</li>
</ul>
<p>Please answer the invitation with the link below. If the time does not suit you, you can ask us to contact you about a new one.</p>
<p>{confirmlink}</p>
<p>If you have any questions before we meet, you are welcome to contact me at {recruiteremail}. We look forward to meeting you.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.second": (
        "Invitation to a second interview for {projecttitle}",
        """<p>Dear {firstname},</p>
<p>Thank you for the interview for {projecttitle}. We enjoyed talking with you, and we would like to invite you to a second interview, where we will go deeper into the position and your experience.</p>
<ul>
<li><strong>What:</strong> {interviewtype}</li>
<li><strong>When:</strong> {interviewdate} at {interviewtime} ({duration})</li>
<li><strong>Where:</strong> {address}</li>
<li><strong>With:</strong> {interviewers}</li>
</ul>
<p>Please answer the invitation with the link below. If the time does not suit you, you can ask us to contact you about a new one.</p>
<p>{confirmlink}</p>
<p>If you have any questions before we meet, you are welcome to contact me at {recruiteremail}. We look forward to seeing you again.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.third": (
        "Invitation to a third interview for {projecttitle}",
        """<p>Dear {firstname},</p>
<p>Thank you for the interviews so far. As we come closer to a decision, we would like to invite you to a third interview for {projecttitle}.</p>
<ul>
<li><strong>What:</strong> {interviewtype}</li>
<li><strong>When:</strong> {interviewdate} at {interviewtime} ({duration})</li>
<li><strong>Where:</strong> {address}</li>
<li><strong>With:</strong> {interviewers}</li>
</ul>
<p>Please answer the invitation with the link below. If the time does not suit you, you can ask us to contact you about a new one.</p>
<p>{confirmlink}</p>
<p>If you have any questions before we meet, you are welcome to contact me at {recruiteremail}. We look forward to seeing you again.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "interview.reminder": (
        "Reminder: your interview on {interviewdate}",
        """<p>Dear {firstname},</p>
<p>This is a reminder of your interview for {projecttitle}.</p>
<ul>
<li><strong>What:</strong> {interviewtype}</li>
<li><strong>When:</strong> {interviewdate} at {interviewtime} ({duration})</li>
<li><strong>Where:</strong> {address}</li>
<li><strong>With:</strong> {interviewers}</li>
</ul>
<p>If you have not answered the invitation yet, or your plans have changed, please let us know with the link below.</p>
<p>{confirmlink}</p>
<p>We look forward to talking with you.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "offer": (
        "Job offer: {offerposition} at {companyname}",
        """<p>Dear {firstname},</p>
<p>Thank you for the good conversations during the recruitment process. I am very pleased to offer you the position of {offerposition} at {companyname}.</p>
<p>{offersummary}</p>
<p>{offerterms}</p>
<p>Please give us your answer by {offervaliduntil} with the link below. There you can accept the offer, decline it or ask me a question.</p>
<p>{offerlink}</p>
<p>Do not hesitate to contact me if you would like to talk anything over. We very much hope you will say yes, and we look forward to working with you.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "candidate_saved": (
        "Your profile in the {companyname} CV database",
        """<p>Dear {firstname},</p>
<p>Thank you for your interest in {companyname}. We have saved your details in our CV database, so that we can contact you when a vacancy comes up that matches your background.</p>
<p>You can see and update your profile at any time, and you can also withdraw it and have your details deleted whenever you wish. To get access, set your own password with the link below.</p>
<p>{setpasswordlink}</p>
<p>The link works for 48 hours and can be used only once. For your security, we never send passwords by email. If the link has expired, contact me at {recruiteremail} and I will send you a new one.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "transferred_to_cv_database": (
        "Your details are saved in our CV database",
        """<p>Dear {firstname},</p>
<p>Thank you for your interest in {companyname}. We have transferred your details to our CV database, so that we can contact you when a vacancy comes up that matches your background.</p>
<p>If you would like to see or update your details, or would rather we deleted them, just reply to this email or contact me at {recruiteremail}. You can withdraw your details at any time.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "panel_review": (
        "Please rate the candidates for {projecttitle}",
        """<p>Hi {reviewername},</p>
<p>I would like your help in assessing the {candidatecount} candidates for {projecttitle}. With the link below you can see the candidates, rate each of them from 1 (lowest) to 7 (highest) and add a comment.</p>
<p>{reviewlink}</p>
<p>The link is personal, so please do not forward it; the information about the candidates is confidential. Please give your ratings by {duedate}; until then you can change them.</p>
<p>Thank you for your help!</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "contract": (
        "Your employment contract: {projecttitle}",
        """<p>Dear {firstname},</p>
<p>We are delighted that you are joining {companyname} as {projecttitle}. Your employment contract is attached to this email as a PDF.</p>
<p>Please read it carefully. Then open the link below to confirm that you have received it and accept it; you can also download the contract there again:</p>
<p>{contractlink}</p>
<p>If anything is unclear, or you think something is missing, reply to this email and we will sort it out.</p>
<p>We look forward to welcoming you.</p>
<p>Kind regards,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "letter.application_received": (
        "Your application for {projecttitle}",
        """<p>Dear {fullname},</p>
<p>Thank you for your application for {projecttitle} at {companyname}, which we received on {applicationdate}.</p>
<p>We will review all the applications carefully, and we will write to you again as soon as we can about the next step.</p>
<p>If you have any questions, you can reach me at {recruiteremail}.</p>
<p>Yours sincerely,<br>{recruitername}<br>{companyname}</p>""",
    ),
    "letter.application_rejected": (
        "Your application for {projecttitle}",
        """<p>Dear {fullname},</p>
<p>Thank you for your application for {projecttitle} at {companyname}, and for the time you put into it.</p>
<p>We have now considered your application carefully, and we regret to tell you that we will not be taking it further.</p>
<p>{message}</p>
<p>We wish you every success in the future.</p>
<p>Yours sincerely,<br>{recruitername}<br>{companyname}</p>""",
    ),
}
