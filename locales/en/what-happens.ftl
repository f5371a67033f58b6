what-happens-title = What happens, step by step
what-happens-lead = Here is what usually happens. Every service works a little differently. You can stop at any stage.
what-happens-intro = You can ask a question at any time. The facilitator is there to help you.
what-happens-first-contact =
    You, or someone on your behalf, contact your local service. Or the police or another service may ask if you want to be referred.

    A facilitator then gets in touch. They explain what restorative justice is. They ask what you hope to get from it. Nothing is agreed at this stage.
    .heading = 1. First contact
what-happens-preparation =
    The facilitator meets you, often more than once. They help you think about what you want to say or ask. They also meet the person responsible on their own.

    They check that it is safe and that everyone is ready. If it is not safe, it does not go ahead.
    .heading = 2. Getting ready
what-happens-meeting =
    When you are ready, the meeting or exchange takes place. It could be a meeting in a safe place, or letters or messages passed on by the facilitator.

    At a meeting, the facilitator leads it. Everyone takes turns to speak. You can take a break at any time.
    .heading = 3. The meeting or exchange
what-happens-afterwards =
    Afterwards, the facilitator checks how you are. If you agreed on something, such as an apology or some work to make amends, they check it happens.

    They can also tell you about other support.
    .heading = 4. Afterwards
what-happens-how-long =
    It can take a few weeks or many months. It depends on what you need and how ready everyone is. Preparation takes as long as it needs. Nobody should rush you.
    .heading = How long it takes
what-happens-supporter =
    Yes. You can bring a friend, family member or support worker to meetings. Tell the facilitator who you would like to bring.
    .heading = Can I bring someone?
