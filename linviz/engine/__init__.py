"""The NumPy engine: losses, regularisers, optimisers, training, insight. No Qt here."""
