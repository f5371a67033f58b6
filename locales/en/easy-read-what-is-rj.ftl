# Easy Read: what restorative justice is. One idea in each sentence; key words in **bold**.
easy-read-what-is-rj-title = What is restorative justice?
easy-read-what-is-rj-lead = This page tells you what **restorative justice** is.
easy-read-what-is-rj-talk =
    A crime has **harmed** you.

    You can use **restorative justice** to get in touch with the person who did it.
easy-read-what-is-rj-helper =
    A **helper** guides you all the way.

    The helper has had **training**. They are called a **facilitator**.
easy-read-what-is-rj-hurt =
    You can tell the person how the crime **hurt you**.
easy-read-what-is-rj-ask =
    You can **ask them questions**.

    For example: why did you do it?
easy-read-what-is-rj-admit =
    The person must say that they **did it**.

    They must also **want to take part**.
easy-read-what-is-rj-repair =
    You may **agree** how they can **put things right**.
easy-read-what-is-rj-ways = Ways to do it
easy-read-what-is-rj-meet =
    You can **meet** face to face.

    First, the helper meets you on your own. They get you **ready**.
easy-read-what-is-rj-letter =
    You do not have to meet.

    You can send a **letter**.
easy-read-what-is-rj-video =
    You can send a **recorded message** or a **video**.
easy-read-what-is-rj-messages =
    Or the helper can **take messages** between you.
easy-read-what-is-rj-more = Good to know
easy-read-what-is-rj-when =
    It can happen at **any time**.

    This can be before or after the **court case**. It can be when the person is in **prison**.
easy-read-what-is-rj-choice =
    It is **your choice**.

    You can **stop** at any time.
easy-read-what-is-rj-less-crime = **Research** shows it helps the people who did a crime to do **less crime**.
easy-read-what-is-rj-code =
    All victims of crime in **England and Wales** can ask for it.

    It is one of your rights in the **Victims' Code**.
