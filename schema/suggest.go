package schema

// topLevelFields are the names Elasticsearch's "role-mapping" ObjectParser
// declares; its unknown-field message suggests among them
// (suggest.ESDidYouMean).
var topLevelFields = []string{"doc_type", "enabled", "metadata", "role_templates", "roles", "rules", "type"}
