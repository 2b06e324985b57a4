"""The Qt user interface. It imports ``helpdesk``; ``helpdesk`` never imports it."""
