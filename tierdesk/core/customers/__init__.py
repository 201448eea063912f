"""Customers: the master file, search keys and the customer list, cards and visits,
orders and payments, the change history."""
