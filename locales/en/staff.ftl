# The staff inbox (/staff): signing in with a passkey, the list of requests, one
# request with its answers and actions, the audit log and the staff list.

staff-title = Staff inbox
staff-site = Restorative justice: staff inbox
staff-sign-out = Sign out
staff-signed-in-as = Signed in as { $email }
staff-nav-requests = Requests
staff-nav-audit = Audit log
staff-nav-members = Staff

## Signing in.
staff-sign-in-title = Sign in
staff-sign-in-intro = Sign in with the passkey you made when you were invited.
staff-sign-in-button = Sign in with a passkey
staff-needs-js = Signing in with a passkey needs JavaScript. Turn it on for this site, or use another browser.
staff-sign-in-failed = That did not work. Try again. If it still does not work, ask your administrator for a new invitation.
staff-sign-in-too-many = There have been too many tries. Wait 15 minutes, then try again.
staff-signed-out = You have signed out.
staff-session-ended = You have been signed out. Sign in again to go on.

## An invitation.
staff-invitation-title = Make your passkey
staff-invitation-intro = You have been invited to the staff inbox as { $email }. Make a passkey on this device. You will use it to sign in.
staff-invitation-button = Make a passkey
staff-invitation-gone = This invitation cannot be used. It may have run out or been used already. Ask your administrator for a new one.

## The list.
staff-list-title = Requests
staff-list-none = There are no requests to show.
staff-list-admin-only = Your role does not show requests. You can read the audit log and see the staff list.
staff-filter-state = State
staff-filter-area = Police area
staff-filter-any = Any
staff-filter-button = Show requests
staff-col-reference = Reference
staff-col-area = Police area
staff-col-state = State
staff-col-age = Age
staff-older = Older requests
staff-download = Download these requests (the newest 1,000):
staff-download-csv = CSV, for a spreadsheet
staff-download-json = JSON, for a case system
staff-state-waiting = Waiting
staff-state-received = Received
staff-state-contacted = Contacted
staff-state-closed = Closed
staff-state-passed-on = Passed on
staff-age-days = { $days ->
    [0] Today
    [one] 1 day
   *[other] { $days } days
}

## One request.
staff-request-title = Request { $reference }
staff-route-direct = Sent to the service
staff-route-triage = Sent to the operator's team
staff-route-youth = For the youth justice service
staff-came = Date sent: { $date }. Time: { $time }.
staff-safety-heading = Before you contact them
staff-answers-heading = Their answers
staff-answers-gone = The answers have been deleted under the retention rules.
staff-outcome-was = Outcome: { $outcome }
staff-passed-to = Passed on to: { $service }
staff-actions-heading = Record what you have done
staff-action-received = Received
staff-action-received-hint = This tells the person that someone here has their request.
staff-action-contacted = Contacted
staff-action-contacted-hint = Someone here has spoken to the person or written to them.
staff-action-close = Close the request
staff-outcome-label = Outcome
staff-outcome-not-suitable = Not suitable
staff-outcome-withdrew = The person withdrew
staff-outcome-other-party-unavailable = The other party declined or could not be found
staff-outcome-indirect = Indirect restorative justice
staff-outcome-direct-meeting = Direct meeting
staff-outcome-passed-to-another = Passed to another service
staff-pass-on-heading = Pass on
staff-pass-on-area = To a service on this site
staff-pass-on-none = None
staff-pass-on-outside = Or to a service outside this site
staff-pass-on-outside-hint = Type the service's name.
staff-pass-on-button = Pass on
staff-pass-on-choose = Choose a service on this site, or type the name of one outside it.
staff-not-open = This request is closed. Nothing more can be recorded.
staff-recorded = Recorded: { $action }.
staff-back = Back to the requests

## Not found, and refusals.
staff-not-found-title = Page not found
staff-not-found = There is no page at this address, or you cannot see it.
staff-other-site = This form came from another website, so nothing was recorded. Go back to the inbox and try again.

## The audit log (admins).
staff-audit-title = Audit log
staff-audit-intro = The newest 200 entries. For more, run rj audit on the server.
staff-col-when = When
staff-col-who = Who
staff-col-action = Action
staff-col-detail = Detail
staff-col-network = Network

## The staff list (admins).
staff-members-title = Staff
staff-members-intro = To invite someone, run rj staff invite on the server. It prints their invitation link.
staff-col-email = Email address
staff-col-roles = Roles
staff-col-areas = Areas
staff-col-passkeys = Passkeys
staff-col-status = Status
staff-member-active = Active
staff-member-removed = Removed
staff-youth = youth
staff-member-remove = Remove

## The audit log's actions and the staff list's roles.
staff-event-sign-in = Signed in
staff-event-sign-out = Signed out
staff-event-sign-in-failed = Sign-in failed
staff-event-invited = Invited
staff-event-passkey-created = Passkey made
staff-event-removed = Removed
staff-event-viewed = Answers read
staff-event-received = Received
staff-event-contacted = Contacted
staff-event-closed = Closed
staff-event-passed-on = Passed on
staff-event-exported = Audit log exported
staff-role-service = Service
staff-role-triage = Triage
staff-role-admin = Administrator

## The API's entries in the audit log (docs/api.md).
staff-event-api-key-created = API key made
staff-event-api-key-revoked = API key revoked
staff-event-api-listed = Requests listed through the API
staff-event-api-refused = API call refused

## Signing in with an organisation's account (OpenID Connect).
staff-oidc-intro = You can sign in with your organisation's account:
staff-oidc-button = Sign in with { $label }
staff-oidc-button-default = Sign in with your organisation's account
staff-oidc-refused-title = Signing in did not work
staff-oidc-refused = Your organisation's account could not be used to sign in to the staff inbox. Your administrator must invite you first, at your work email address. Try again, or sign in with your passkey. If it still does not work, ask your administrator.
staff-oidc-unavailable = We cannot reach your organisation's sign-in service just now. Try again in a few minutes, or sign in with your passkey.
staff-oidc-back = Back to signing in
staff-oidc-signed-in-title = You are signed in
staff-oidc-continue = Go to the requests

## The commissioner's numbers (issue 27): the report's measures as tables and charts.
staff-role-commissioner = Commissioner
staff-nav-numbers = Numbers
staff-list-numbers-only = Your role shows numbers, not requests.
staff-list-numbers-link = See the numbers for your areas
staff-event-numbers-viewed = Numbers looked at
staff-event-numbers-downloaded = Numbers downloaded
staff-numbers-title = Numbers
staff-numbers-intro = How many people asked a service to contact them in your areas, and what happened next, month by month. These are numbers only. They never show anyone's answers.
staff-numbers-file-title = Restorative justice requests: the numbers
staff-numbers-file-intro = How many people asked a service to contact them in each police area, and what happened next, month by month. These are numbers only. They never show anyone's answers.
staff-numbers-made = Made from the site's record, which holds no personal data. Date made: { $date }.
staff-numbers-range = Months: { $from } – { $to }
staff-numbers-from = From
staff-numbers-to = To
staff-numbers-show = Show numbers
staff-numbers-error-not-offered = Choose the months from the lists.
staff-numbers-error-backwards = The "From" month must be before the "To" month, or the same.
staff-numbers-download = Download these numbers as CSV (one row for each month, area and measure)
staff-numbers-key = "<5" means from 1 to 4. We do not show smaller numbers, so that nobody can be picked out. "[c]" means a number is held back, because with the others it would give a small one away. A median is shown only when it is taken over 5 requests or more. A dash (–) means there was nothing to take it over.
staff-numbers-all = All areas
staff-numbers-all-yours = All your areas
staff-numbers-table-caption = { $area }: every measure, month by month
staff-numbers-col-measure = Measure
staff-numbers-chart-caption = { $measure }: { $area }
staff-measure-requests = Requests
staff-measure-acknowledged-within-2-working-days = Received within 2 working days
staff-measure-median-working-days-to-acknowledgement = Median working days until received
staff-measure-failed = Did not reach the service
staff-measure-route-direct = Sent straight to the service
staff-measure-route-triage = Sent to the triage team
staff-measure-language-en = To be contacted in English
staff-measure-language-cy = To be contacted in Welsh
staff-measure-asked-by-person-harmed = Asked by the person harmed
staff-measure-asked-by-family = Asked by family
staff-measure-asked-by-someone-else = Asked by someone else
staff-measure-youth = The person responsible was under 18
staff-measure-contacted = Contacted
staff-measure-median-working-days-to-contact = Median working days until contacted
staff-measure-closed = Closed
staff-measure-closed-as = Closed: { $outcome }
staff-measure-passed-on = Passed on
staff-measure-purged-unconfirmed = Deleted, never marked received
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
