"""Field deployment: a laptop's archive checked out of the office, bundles of changes carried
by file or exchanged over the network, their merge field by field, and the manager's queue of
conflicts."""
