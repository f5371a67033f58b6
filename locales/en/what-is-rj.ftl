what-is-rj-title = What is restorative justice?
what-is-rj-lead = Restorative justice lets you tell the person who harmed you how the crime affected you. A trained facilitator guides you and keeps you safe.
what-is-rj-intro =
    Restorative justice (often called RJ) brings together people harmed by a crime and the person responsible. You can talk or write to each other. You can explain the real impact of the crime. Where possible, you can agree how to repair the harm.

    It gives you a voice. It also holds the person responsible to account. It helps them take responsibility and make amends.
what-is-rj-who =
    It is for you if you were harmed by a crime. It is also for:

    - family members of someone harmed, including families of people who have died
    - people supporting someone who was harmed, with their agreement

    In England and Wales, the [Victims' Code](page:rights) gives you the right to be told about restorative justice. If you want it, you have the right to be referred to a local service where there is one. It only goes ahead if it is safe and everyone agrees.
    .heading = Who it is for
what-is-rj-what-it-gives =
    People take part for many reasons. You might want to:

    - tell them how the crime changed your life
    - ask questions that only they can answer, such as "why me?"
    - hear them accept what they did
    - agree how they can put things right
    - feel able to move on

    Research has shown that restorative justice helps to cut reoffending. So it can also help to stop the same thing happening to someone else.
    .heading = What it can give you
what-is-rj-safe =
    A trained facilitator leads every step. They meet you and the person responsible on your own first. They check it is safe before anything goes ahead.

    If it is not safe, it will not go ahead.
    .heading = A facilitator keeps it safe
what-is-rj-voluntary =
    It is your choice. Nobody can make you take part.

    You can stop at any stage, even on the day. You do not need to give a reason.

    It is free.
    .heading = It is free and you choose
what-is-rj-admit =
    Restorative justice only happens if the person responsible accepts that they caused the harm. It is not a place to argue about what happened.

    They must want to take part too.
    .heading = They must accept what they did
what-is-rj-when =
    It can happen at any stage: before anyone is charged, before or after a sentence, or while the person is in prison.

    There is no time limit. Some people take part soon after the crime. Others wait for years.
    .heading = When it can happen
