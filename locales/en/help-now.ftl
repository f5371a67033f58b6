help-now-title = Help now
help-now-lead = If you are in danger now, call 999. These services can help you today.
help-now-emergency =
    If you are in danger, call [999](tel:999).

    If you cannot speak, call 999 from a mobile, listen, then press 55 when asked. The operator will know you need help.

    If you are deaf or cannot speak on the phone, you can use textphone [18000](tel:18000).
    .heading = Emergency
help-now-police =
    To report a crime that is not an emergency, call the police on [101](tel:101).
    .heading = Police, not an emergency
help-now-victim-support =
    Victim Support gives free help to anyone affected by crime, whether or not it was reported. Call the Supportline on [08 08 16 89 111](tel:08081689111). It is free and open 24 hours.
    .heading = Victim Support
help-now-domestic-abuse =
    - National Domestic Abuse Helpline, run by Refuge: [0808 2000 247](tel:08082000247). Free, 24 hours.
    - Live Fear Free, in Wales: [0808 80 10 800](tel:08088010800). Free, 24 hours. You can also text [07860 077333](sms:07860077333).
    - Men's Advice Line: [0808 801 0327](tel:08088010327).
    .heading = Domestic abuse
help-now-samaritans =
    If you are struggling to cope, Samaritans will listen. Call [116 123](tel:116123). It is free and open 24 hours.
    .heading = Someone to talk to
