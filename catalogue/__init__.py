default_app_config = "catalogue.apps.CatalogueConfig"
