is-it-right-title = Is it right for me?
is-it-right-lead = Only you can decide. These questions may help you think it through. You can talk it over with a facilitator before you decide.
is-it-right-intro = There is no right or wrong answer. You can say no now and ask again later.
is-it-right-think-about =
    - Is there something you want to tell the person who harmed you?
    - Do you have questions that only they can answer?
    - Would you rather meet, or write, or send a message?
    - Who would you like to have with you?
    - How would you feel if they did not say what you hoped?
    - Is now the right time for you?
    .heading = Questions to think about
is-it-right-not-offered =
    A facilitator will only go ahead if it is safe for everyone. It may not be offered if:

    - there is a risk that you could be harmed again
    - the person responsible does not accept what they did
    - the person responsible does not want to take part
    - the facilitator thinks it could upset you more than help you
    .heading = When it may not be offered
is-it-right-careful =
    Services take extra care with domestic abuse and sexual offences. In these crimes, the person responsible may try to control or frighten you again. Some services only offer it with specially trained facilitators. Some do not offer it for these crimes at all.

    If you are worried about your safety now, see [help now](page:help-now).
    .heading = Domestic abuse and sexual offences
is-it-right-court =
    If the case goes to court, restorative justice does not replace it. The court still decides the verdict and the sentence.
    .heading = It does not replace a court case
is-it-right-timing =
    It can happen at any stage: before anyone is charged, before or after a sentence, or while the person is in prison.
    .heading = Before or after sentence, or in prison
is-it-right-under-18 =
    If the person who harmed you was under 18, the youth justice service is involved. This used to be called the Youth Offending Team. They will give you information about restorative justice.
    .heading = If the person was under 18
