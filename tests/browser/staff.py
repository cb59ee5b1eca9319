"""Signing staff in, as a person does: the admin's own sign-in form."""

PASSWORD = "a-long-test-password"  # the factories' password


def sign_in(page, username):
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
