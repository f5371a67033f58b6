ways-title = Ways it can happen
ways-lead = Restorative justice can happen face to face or without meeting. You and the facilitator choose the way that suits you.
ways-intro = There are a few types of restorative justice in England and Wales. In each one, a facilitator guides you and checks it is safe.
ways-conference =
    This is a meeting in a safe place. You, the person responsible and the facilitator sit down together. You can each bring a supporter.

    The facilitator meets each of you first to prepare. They help everyone to speak in turn. At the end, you may agree what the person will do to put things right.
    .heading = Meeting face to face
ways-indirect =
    You do not have to meet. You can share what you want to say in other ways:

    - a letter
    - a recorded message
    - a video

    The facilitator passes it on and brings back any reply. You choose whether you want a reply.
    .heading = Letters, recordings and video
ways-shuttle =
    In shuttle mediation, the facilitator carries messages between you. You never need to be in the same room. This can go back and forth many times.
    .heading = Messages passed by the facilitator
ways-community =
    Community conferencing brings together people in an area. It can help to sort out problems such as anti-social behaviour. Neighbours and others who were affected can all take part.
    .heading = Community conferencing
ways-referral-order =
    When a young person gets a referral order from a court, they go to a panel. The panel has Youth Justice Service staff and trained local volunteers. They talk about what the young person did and how to put it right.

    As the person harmed, you may be asked if you want to take part or to share your views.
    .heading = Panels for young people
ways-mediation =
    Mediation helps people in a dispute to work out an agreement. It is often used between neighbours. A mediator helps each side to be heard.
    .heading = Mediation
