# Easy Read: is restorative justice right for me? One idea in each sentence.
easy-read-is-it-right-title = Is it right for me?
easy-read-is-it-right-lead = Only **you** can choose. This page can help you think about it.
easy-read-is-it-right-choice =
    It is **your choice**.

    No one can **make you** take part.
easy-read-is-it-right-no =
    You can **say no**.

    You can still ask for it **later**.
easy-read-is-it-right-stop =
    You can **stop at any time**.

    You can **change your mind**.
easy-read-is-it-right-time =
    Take your **time**.

    There is **no rush**.
easy-read-is-it-right-safe =
    The helper checks it is **safe** first.

    If it is not safe, it will **not go ahead**.
easy-read-is-it-right-admit =
    The person who did the crime must say they **did it**.

    They must **want to take part** too.
easy-read-is-it-right-think = Things to think about
easy-read-is-it-right-tell =
    Do you want to **tell them** something?
easy-read-is-it-right-ask =
    Do you have **questions** that only they can answer?
easy-read-is-it-right-how =
    Would you like to **meet** them? Or would you like to **write**?
easy-read-is-it-right-who =
    Who would you like to have **with you**?
easy-read-is-it-right-helper =
    You can **talk to a helper** before you choose.
easy-read-is-it-right-danger-heading = If you are in danger
easy-read-is-it-right-danger =
    Are you in **danger** now?

    Call [999](tel:999).
