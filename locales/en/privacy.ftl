privacy-title = Privacy notice
privacy-lead = This notice says what we collect, why, who sees it and how long we keep it.
privacy-intro = You can read every page of this site without giving us any personal details.
privacy-controller =
    { $operator } runs this site and is the data controller. This means we decide how your details are used and keep them safe.

    To ask about your details, contact us at { $contact }.
    .heading = Who we are
privacy-what =
    We only collect personal details if you ask a service to contact you. Then we collect what you type into the form. This includes:

    - your name
    - your phone number or email address
    - when it is safe to contact you, and whether they can leave a message
    - the police area you chose
    - anything else you decide to tell the service
    .heading = What we collect
privacy-why =
    We use your details only to pass your request to a restorative justice service for the police area you chose. We rely on your consent, which you give on the form.
    .heading = Why we collect it
privacy-who-receives =
    We keep your request on this site, encrypted. We email the restorative justice service for the police area you chose to say a request is waiting. Sometimes we email our own team first, and they pass it on to the service. These emails do not include your details. Staff read your request on this site after they sign in, and we record each time they do. Some services get your request by secure email instead. If you ask for it, we also send a confirmation to your email address.

    We do not share your details with anyone else. We never give them to the person who harmed you.
    .heading = Who receives it
privacy-how-long =
    We keep your personal details, encrypted, while the service works on your request. We delete them a few days after the service closes your request or passes it on to another service. If the service had your details by secure email, we delete our copy a few days after it tells us it has your request. After that we keep only a reference number, the police area and the dates.

    If the service does not tell us it has your request, our team checks with them. Whatever happens, we delete your details after { $retention_days ->
        [one] { $retention_days } day
       *[other] { $retention_days } days
    }.

    While you fill in the form and check your answers, we keep them for the next page for up to { $handoff_minutes ->
        [one] { $handoff_minutes } minute
       *[other] { $handoff_minutes } minutes
    }. They are encrypted in our database. We delete them when you send them, change them or press Exit.

    When you send a request or check one, we also keep a code made from your device's internet address (IP address), with the times, for { $limit_minutes ->
        [one] { $limit_minutes } minute
       *[other] { $limit_minutes } minutes
    }. The code cannot be turned back into the address. It stops anyone sending lots of requests. It is kept in our database, then deleted. Our logs do not include your address.

    The service then keeps your details under its own privacy notice.
    .heading = How long we keep it
privacy-not-collected =
    - We do not use cookies.
    - We do not use analytics or tracking.
    - We do not load anything from other websites.
    - We do not store what you type into the search box.
    - Our server logs do not include what you type.
    .heading = What we do not collect
privacy-rights =
    Under UK data protection law (the UK GDPR), you have the right to:

    - ask for a copy of your details
    - ask us to correct them
    - ask us to delete them
    - withdraw your consent at any time
    - object to how we use them

    Contact us at { $contact } to use these rights.
    .heading = Your rights
privacy-complain =
    If you are not happy with how we use your details, contact us first. You can also complain to the Information Commissioner's Office (ICO), the UK's data protection regulator.
    .heading = How to complain
