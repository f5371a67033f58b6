safe-online-title = Staying safe online
safe-online-lead = If someone checks your phone or computer, these steps can help you visit this site more safely.
safe-online-intro = No step is perfect. If you think someone is watching what you do, use a device they cannot get to, such as a friend's phone or a library computer.
safe-online-exit =
    Every page has an **Exit this page** button at the top. It takes you straight to the BBC weather page. On a computer, you can also press the Shift key 3 times.

    It does:

    - take you off this site quickly
    - delete the answers you gave on the form, so Back cannot show them again
    - stop the Back button bringing you back to the page you were on, if JavaScript is on in your browser

    It does not:

    - stop the Back button bringing you back to this site, if JavaScript is off (your answers will still be gone)
    - delete your browsing history
    - hide earlier pages of this site that you visited
    - hide that you visited this site from someone who checks your history
    .heading = What the Exit this page button does
safe-online-private =
    Most browsers have a private mode. It may be called private browsing or incognito. When you close a private window, the browser forgets the pages you visited in it.

    Look for it in your browser's menu. It is often called "New private window" or "New incognito tab".
    .heading = Use private browsing
safe-online-history =
    If you did not use private browsing, you can delete the pages from your history. In most browsers:

    1. Open the browser's menu or settings.
    2. Find "History".
    3. Delete the pages from this site, or clear recent history.

    Deleting all your history could make someone suspicious. You could delete only the pages from this site.
    .heading = Clear your browsing history
safe-online-devices =
    - Log out of accounts on shared phones, tablets and computers.
    - Check that your email, messages and photos are not shared with another device.
    - Change passwords that someone else might know.
    - Check if your phone shares your location with anyone.
    - If you ask a service to contact you, say if it is safe for them to leave a message.
    .heading = Shared devices and accounts
