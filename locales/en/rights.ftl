rights-title = Your rights under the Victims' Code
rights-lead = The Victims' Code sets out what you can expect from the police, courts and other services. It gives you 12 rights.
rights-intro =
    The full name is the Code of Practice for Victims of Crime in England and Wales. It came into force on 1 April 2021.

    Below is each right with its official title and what it means for you.
rights-right-1 =
    You should get help to understand what you are told and to make yourself understood. For example, you can ask for an interpreter.
    .heading = Right 1: To be able to understand and to be understood
rights-right-2 =
    When you report a crime, the police should write down the details without unfair delay.
    .heading = Right 2: To have the details of the crime recorded without unjustified delay
rights-right-3 =
    When you report a crime, you should be told what happens next and what support there is.
    .heading = Right 3: To be provided with information when reporting the crime
rights-right-4 =
    You should be referred to support services if you want to be. This includes restorative justice services. Support should fit your needs.
    .heading = Right 4: To be referred to services that support victims and have services and support tailored to your needs
rights-right-5 =
    You should be told how you might claim compensation for what happened to you.
    .heading = Right 5: To be provided with information about compensation
rights-right-6 =
    You should be kept up to date about the police inquiry and any court case.
    .heading = Right 6: To be provided with information about the investigation and prosecution
rights-right-7 =
    You can write or record a statement about how the crime has affected you. This is called a Victim Personal Statement.
    .heading = Right 7: To make a Victim Personal Statement
rights-right-8 =
    If you are a witness, you should be told about the trial, what happens in court and what you will need to do.
    .heading = Right 8: To be given information about the trial, trial process and your role as a witness
rights-right-9 =
    You should be told the result of the case and about any appeal.
    .heading = Right 9: To be given information about the outcome of the case and any appeals
rights-right-10 =
    If you go to court as a witness, you can claim some costs back. Property taken as evidence should be given back to you.
    .heading = Right 10: To be paid expenses and have property returned
rights-right-11 =
    If the person is convicted, you may be able to get news about them, such as when they might be released.
    .heading = Right 11: To be given information about the offender following a conviction
rights-right-12 =
    If you do not get your rights, you can complain. See [how to complain](#rights-complain) below.
    .heading = Right 12: To make a complaint about your Rights not being met
rights-rj =
    When you report a crime, you should be told about services that can help you. These may include restorative justice.

    - If the person responsible is an adult, the police must tell you about restorative justice and how to reach your local service.
    - If they are under 18, the youth justice service tells you.
    - You should get this information within 5 working days of reporting the crime.
    - You should get it within 1 working day if you have enhanced rights. These are for victims of the most serious crime, people targeted again and again, and people who are vulnerable or frightened.
    - If you agree, you should be referred to support services, including restorative justice, within 2 working days of reporting.

    All services should think at any stage about whether restorative justice could help you.
    .heading = What the Code says about restorative justice
rights-not-reported =
    You can still contact support services yourself, even if you did not report the crime to the police. This includes your local restorative justice service.
    .heading = If you did not report the crime
rights-welsh =
    If you are in Wales, you can speak and write to services in Welsh.
    .heading = Using Welsh
rights-complain =
    Complain to the service that did not meet your right, such as the police or the court. Ask them how to make a complaint.

    You can ask someone you trust, or a support service, to help you.
    .heading = How to complain
