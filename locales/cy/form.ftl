# What every form shares (components/form.rs).
form-error-summary = Mae problem wedi codi
form-error-prefix = Gwall:
