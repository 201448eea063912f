"""Service: follow-ups, complaints, surveys, service jobs and due dates, today's list."""
