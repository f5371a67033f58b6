security-title = Report a security problem
security-lead = If you find a weak spot in this site, please tell us. We will thank you and fix it.
security-intro = { $operator } runs this site. We want to keep the people who use it safe. Many of them have been harmed by crime. Their details must stay private.
security-what =
    Contact us at { $security_contact }. Tell us:

    - the web address of the page
    - what you found
    - how we can see the problem, if you can

    You can write in English or Welsh. Do not put anyone's personal details in your message.
    .heading = How to tell us
security-how =
    We will reply to say we have your message. Then we will tell you what we plan to do. We will tell you when we have fixed the problem.
    .heading = What happens next
security-promise =
    We will keep your message private. We will not share your name without asking you first. If you like, we will name you when we thank people.
    .heading = Our promise to you
security-not =
    Please do not do these things:

    - look at or change other people's details
    - send requests through the form to test it
    - sign in to the staff pages as someone else
    - slow the site down or stop it working
    - trick our staff or put pressure on them
    - tell other people about the problem before we fix it
    .heading = What not to do
security-scope =
    This page covers this site. It does not cover the services we send requests to. Each service has its own way to report a problem.
    .heading = What this page covers
