"""Order status changes move stock: shipping consumes the allocation, cancelling releases it."""

from oscar.apps.order import processing


class EventHandler(processing.EventHandler):
    def handle_order_status_change(self, order, new_status, note_msg=None):
        old_status = order.status
        super().handle_order_status_change(order, new_status, note_msg=note_msg)
        if new_status == old_status:
            return
        if new_status == "Cancelled":
            self.cancel_stock_allocations(order)
        elif new_status == "Shipped":
            self.consume_stock_allocations(order)
