# What every form shares (components/form.rs).
form-error-summary = There is a problem
form-error-prefix = Error:
