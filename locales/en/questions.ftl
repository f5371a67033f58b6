questions-title = Questions people ask
questions-lead = Short answers to the questions people ask most. A facilitator can tell you more.
questions-meet =
    No. You can take part without meeting. You could send a letter, a recording or a video. Or the facilitator can pass messages between you. See [ways it can happen](page:ways).
    .heading = Will I have to meet them?
questions-safe =
    A trained facilitator checks it is safe before anything goes ahead. They meet each person on their own first. If it is not safe, it will not happen.
    .heading = Is it safe?
questions-change-mind =
    Yes. You can stop at any stage, even on the day. You do not have to give a reason.
    .heading = Can I change my mind?
questions-cost =
    No. Restorative justice is free.
    .heading = Does it cost anything?
questions-bring-someone =
    Yes. You can bring a friend, family member or support worker. Tell the facilitator who you would like to bring.
    .heading = Can I bring someone with me?
questions-prison =
    Restorative justice can still happen. It can take place while the person is in prison. The facilitator will tell you what is possible.
    .heading = What if they are in prison?
questions-not-reported =
    You can still get support. You can contact support services yourself, even if you did not report the crime to the police.
    .heading = What if I didn't report the crime?
questions-address =
    A restorative justice service should not give your address or contact details to the person who harmed you. Ask the facilitator how they will keep your details safe.
    .heading = Will they learn my address?
questions-family =
    Yes. Family members of someone who was harmed can take part. This includes families of people who have died.
    .heading = Can a family member take part?
questions-court =
    If there is a court case, restorative justice does not replace it. The court still decides the verdict and the sentence.
    .heading = Will it change the court case?
questions-how-long =
    It can take a few weeks or many months. Getting ready takes as long as you need. See [what happens, step by step](page:what-happens).
    .heading = How long does it take?
questions-not-ready =
    That is fine. There is no time limit. You can ask about restorative justice now or in years to come.
    .heading = What if I'm not ready yet?
questions-young =
    If the person who harmed you was under 18, the youth justice service is involved. They will tell you about restorative justice.
    .heading = What if the person was under 18?
questions-who-runs =
    Local services are run by different groups in each police area. Who pays for them can change. This site helps you find the service for your area.
    .heading = Who runs restorative justice services?
questions-elsewhere =
    This site covers England and Wales only. Scotland and Northern Ireland have their own justice systems and their own services. If the crime happened there, Victim Support Scotland or Victim Support NI can help you.
    .heading = What about Scotland and Northern Ireland?
