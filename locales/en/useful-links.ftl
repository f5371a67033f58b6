useful-links-title = Useful links
useful-links-lead = Other groups that can tell you more about restorative justice and your rights.
useful-links-intro = These links go to other websites. We do not run them.
useful-links-organisations =
    - [Restorative Justice Council](https://www.restorativejustice.org.uk/): the national body for restorative justice.
    - [Victim Support](https://www.victimsupport.org.uk/): free help for anyone hurt by crime.
    - [Wales Restorative Approaches Partnership](https://www.restorativewales.org.uk/) (WRAP): restorative work in Wales.
    - [Why me?](https://why-me.org/): a charity that helps victims take part in restorative justice.
    - [The Crown Prosecution Service](https://www.cps.gov.uk/): it has legal guidance on restorative justice.
    - [GOV.UK](https://www.gov.uk/): search for "Victims' Code" to read the Code in full.
    .heading = Groups that can help
