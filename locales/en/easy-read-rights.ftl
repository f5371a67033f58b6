# Easy Read: the 12 rights in the Victims' Code, one line each.
easy-read-rights-title = Your rights
easy-read-rights-lead = You have **rights** as a victim of crime.
easy-read-rights-code =
    The rules are called the **Victims' Code**.

    They say what the police, the courts and others must do for you.
easy-read-rights-twelve =
    The Code gives you **12 rights**.
easy-read-rights-list = Your 12 rights
easy-read-rights-right-1 = Right 1: You should get help to **understand** and to **be understood**.
easy-read-rights-right-2 = Right 2: The police should **write down** the crime with **no unfair wait**.
easy-read-rights-right-3 = Right 3: You should get **information** when you **report** the crime.
easy-read-rights-right-4 = Right 4: You should be put in touch with **services that help**. The help should **suit you**.
easy-read-rights-right-5 = Right 5: You should be told about **compensation**. This is money for the harm.
easy-read-rights-right-6 = Right 6: You should be told about the **police work** on the crime and any **court case**.
easy-read-rights-right-7 = Right 7: You can say how the crime has **affected you**. This is called a **Victim Personal Statement**.
easy-read-rights-right-8 = Right 8: You should be told about the **trial**, and what to do as a **witness**.
easy-read-rights-right-9 = Right 9: You should be told how the case **ends**, and about any **appeal**.
easy-read-rights-right-10 = Right 10: You can get some **costs paid**. Your **things** should be given back.
easy-read-rights-right-11 = Right 11: If the person is **found guilty**, you can get **news** about them.
easy-read-rights-right-12 = Right 12: You can **complain** if you do not get your rights.
easy-read-rights-also = Also good to know
easy-read-rights-rj =
    When you report a crime, you should be told about **restorative justice**.
easy-read-rights-not-reported =
    Did you **not report** the crime to the police?

    You can still **get help**. You can get in touch with services **yourself**.
easy-read-rights-welsh =
    In Wales, you can use **Welsh** with services.
