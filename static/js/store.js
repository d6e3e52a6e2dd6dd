/* The storefront's only script, and it is optional: every page works without it. It keeps a
   form from being sent twice by a double click and, on the checkout gateway, enables the
   password field only for "I have an account". Loaded from a file, so the
   Content-Security-Policy needs no 'unsafe-inline'. */
(function () {
    "use strict";

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (event.defaultPrevented) {
            return;  // sent by script (the cart saves itself without a page load)
        }
        if (form.dataset.submitted === "true") {
            event.preventDefault();
            return;
        }
        form.dataset.submitted = "true";
        form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (button) {
            button.setAttribute("aria-disabled", "true");
            button.classList.add("is-submitting");
        });
    });

    // A page restored from the back/forward cache may be sent again.
    window.addEventListener("pageshow", function () {
        document.querySelectorAll("form[data-submitted]").forEach(function (form) {
            form.dataset.submitted = "false";
        });
    });

    // Oscar's few remaining "cancel" links go back with an inline onclick, which the
    // Content-Security-Policy blocks; do it from here instead.
    document.querySelectorAll("a[href='#'][onclick*='history.go(-1)']").forEach(function (link) {
        link.addEventListener("click", function (event) {
            event.preventDefault();
            window.history.back();
        });
    });

    var options = document.querySelectorAll("form input[name=options]");
    var password = document.getElementById("id_password");
    if (options.length && password) {
        var sync = function () {
            var checked = document.querySelector("form input[name=options]:checked");
            password.disabled = !checked || checked.value !== "existing";
        };
        options.forEach(function (option) { option.addEventListener("change", sync); });
        sync();
    }
})();
