"""Operations helpers that are not features: data generation, backups, request logging."""
