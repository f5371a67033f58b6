accessibility-title = Accessibility statement
accessibility-lead = We want everyone to be able to use this site, whatever device or help they use.
accessibility-intro = { $operator } runs this site. This statement covers every page of it, in English and in Welsh.
accessibility-how-accessible =
    You should be able to:

    - zoom in up to 400% without the text spilling off the screen
    - use the whole site with just a keyboard
    - use the whole site with a screen reader
    - use the whole site with JavaScript turned off
    - read every page in English or Welsh

    We write in plain English and keep pages short.
    .heading = How you can use this site
accessibility-tested =
    We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.

    Each time we change the site, automated tests check every page in both languages. They use the axe-core checker. They also check that every page works with a keyboard and with JavaScript turned off.
    .heading = How we tested this site
accessibility-limits =
    We do not know of any part of the site that fails WCAG 2.2 AA. Automated tests cannot find every problem. We have not yet had the site tested by disabled users or by a specialist. We plan to do this.
    .heading = What we know about
accessibility-report =
    If you find a problem, or need a page in another format, contact us at { $contact }. Tell us the web address of the page and what the problem is.
    .heading = Report a problem
accessibility-enforcement =
    The Equality and Human Rights Commission (EHRC) enforces the accessibility rules. If you are not happy with how we respond, contact the Equality Advisory and Support Service (EASS).
    .heading = If you are not happy with our reply
