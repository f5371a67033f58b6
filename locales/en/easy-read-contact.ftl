# Easy Read: how to ask your local restorative justice service to contact you.
easy-read-contact-title = How to ask to be contacted
easy-read-contact-lead = You can ask your **local service** to get in touch with you.
easy-read-contact-find =
    First, find your **local service**.

    Type your **postcode**. [Find your service](page:find).
easy-read-contact-form =
    Then fill in **the form**.

    Here is [the form](page:refer).
easy-read-contact-who =
    You can fill it in for **yourself**.

    A **family member** or someone who **supports** you can fill it in too.
easy-read-contact-how =
    Say how they should **contact you**: by **phone** or by **email**.
easy-read-contact-safe =
    Tell them when it is **safe** to call you.

    Say if they can leave a **message**.
easy-read-contact-language =
    Say if they should use **English** or **Welsh**.
easy-read-contact-check = **Check** your answers.
easy-read-contact-send =
    Then press **Send my request**.

    You will get a **reference number**.
easy-read-contact-next = What happens next
easy-read-contact-contact =
    The service will **get in touch** with you.

    You do **not** have to take part. You can just **find out more**.
easy-read-contact-not-reported =
    You can ask even if you did **not report** the crime to the police.
easy-read-contact-danger =
    Are you in **danger** now?

    Call [999](tel:999).
