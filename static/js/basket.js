/* The cart page: start Oscar's basket module (it saves quantities and removes lines without a
   page load), then keep the header's "My Cart (n)", an aria-live region, in step with it. */
(function () {
    "use strict";
    oscar.init();
    oscar.basket.init({ basketURL: document.body.dataset.basketUrl });

    var body = document.getElementById("content_inner");
    var count = document.getElementById("cart-count");
    if (!body || !count) {
        return;
    }
    new MutationObserver(function () {
        if (body.querySelector("#basket_formset .error, #basket_formset .error-block")) {
            return;  // a form with errors changed nothing
        }
        var total = 0;
        body.querySelectorAll("#basket_formset input[name$='-quantity']").forEach(function (input) {
            total += parseInt(input.value, 10) || 0;
        });
        if (count.textContent !== String(total)) {
            count.textContent = total;
            count.nextElementSibling.textContent = total === 1 ? " item" : " items";
        }
    }).observe(body, { childList: true, subtree: true });
})();

/* The − and + buttons on a cart line are submit buttons the server steps the quantity by
   (shop/basket/views.py). Oscar's module posts the form itself, without the button pressed:
   with it, a step sets the line's quantity field first, and the form is posted as an update. */
(function () {
    "use strict";
    var body = document.getElementById("content_inner");
    if (!body) {
        return;
    }
    body.addEventListener("click", function (event) {
        var button = event.target.closest("#basket_formset button[name='quantity-step']");
        if (!button) {
            return;
        }
        var parts = button.value.split(":");
        var input = document.getElementById("id_" + parts[0] + "-quantity");
        if (!input) {
            return;
        }
        var most = parseInt(input.getAttribute("max"), 10);
        var quantity = Math.max(0, (parseInt(input.value, 10) || 0) + (parts[1] === "-1" ? -1 : 1));
        input.value = most ? Math.min(quantity, most) : quantity;
    }, true);
})();
