# Following a request until the service has it: the link in the service's email and
# its page, the reminder, the person's status page, and the operator's alerts.

## The service's email: the acknowledgement link, and the reminder.
email-ack-heading = Confirm you have received this request
email-ack-text = Open this link and press the button on the page. It tells us someone at your service has the request. The person who asked can then see that it has arrived. If nobody confirms it, we will send a reminder.
email-ack-text-triage = When someone in your team has this request, open this link and press the button on the page. The person who asked can then see that it has arrived. If nobody confirms it, we will send a reminder.
email-ack-link = Confirm you have received this request
email-reminder-subject = Reminder: { $subject }
email-reminder = Reminder: nobody has confirmed this request yet. We first sent it to you on { $date }. If you already have it, open the link at the end to confirm it.
confirm-status = To check if your request has arrived, go to { $url }

## The acknowledgement page.
ack-title = Confirm you have received this request
ack-lead = Press the button to tell us someone at your service has this request. We will then stop sending reminders, and the person who asked can see that it has arrived.
ack-reference = Reference
ack-button = Confirm we have received it
ack-done-title = Thank you
ack-done = You confirmed on { $date } that you have this request. You do not need to do anything else here.
ack-answers = This page does not show the person's answers. They are only in the email we sent you.

## The confirmation page's link to the status page.
sent-status = Keep your reference. You can use it to check if your request has arrived.
sent-status-link = Check your request

## The status page.
status-title = Check your request
status-lead = Type the reference from your confirmation. We will show when you sent your request and if it has arrived.
status-label = Your reference
status-hint = It starts with RJ, for example RJ-4K7P-Q2M7.
status-button = Check
status-error-empty = Enter your reference
status-error-invalid = This is not a reference we give. Check each letter and number. It looks like RJ-4K7P-Q2M7.
status-error-too-many = You have checked a lot of references in the last hour. Wait an hour, then try again.
status-result-heading = Request { $reference }
status-sent = Sent: { $date }
status-received = Received: { $date }
status-received-service = { $service } has your request.
status-received-team = The { $operator } team has your request. They will pass it to the right service.
status-not-confirmed = Received: not confirmed yet
status-heard-by-service = If { $service } has not contacted you by { $date }, contact them. Their details are below.
status-heard-by-team = If nobody has contacted you by { $date }, contact the { $operator } team: { $contact }
status-closed = Closed: { $date }. The { $operator } team has dealt with your request.
status-not-found =
    We cannot show a request with this reference. Check you typed it as it is on your confirmation. After { $retention_days ->
        [one] { $retention_days } day
       *[other] { $retention_days } days
    } we delete a request's details, and we cannot show it any more.
status-not-found-help = { $operator } can help: { $contact }

## The operator's alerts. They name the reference, the area and dates, never answers.
alert-escalation-subject = Not confirmed: request { $reference } ({ $area })
alert-escalation-intro = Nobody at the service has confirmed request { $reference }, and nobody answered the reminder either. Please check that a person there has it.
alert-escalation-todo = Contact the service and check they have it. When it is dealt with, run this command:
alert-failed-subject = Not delivered: request { $reference } ({ $area })
alert-failed-intro = The mail server refused request { $reference } for good, so the service does not have it.
alert-failed-todo = Check the area's address in RJ_ROUTING, then send it again with this command:
alert-retention-subject = To be deleted: request { $reference } ({ $area })
alert-retention-intro = Nobody has confirmed request { $reference }. Its details will be deleted on { $date } unless you resolve it first.
alert-retention-todo = If the service has it, or you have dealt with it, run this command:
alert-label-reference = Reference
alert-label-area = Police area
alert-label-via = Sent to
alert-label-stored = Request sent
alert-label-delivered = Email delivered
alert-label-reminded = Reminder sent
alert-label-reply = The mail server's reply
alert-label-deleted = Details to be deleted on
alert-via-service = The area's service
alert-via-youth-service = The area's youth justice service
alert-via-triage = Your triage inbox
alert-footer = This email holds no personal details.

## The operator's alert when a service's webhook receiver refuses a request's event for good.
alert-webhook-subject = Webhook refused: request { $reference } ({ $area })
alert-webhook-intro = The service's webhook receiver refused the notice of request { $reference } for good. The request itself is delivered as usual. Only the webhook did not go.
alert-webhook-todo = With the service, check the route's webhook_url in RJ_ROUTING and the secret its webhook_secret_env names. Then check the settings with this command:
