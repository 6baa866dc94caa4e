import Foundation

/// The API's OpenAPI 3.1 description, served at `/openapi.json`; `make api-check` validates it and runs
/// schemathesis against a live server from it.
enum OpenAPIDocument {
    /// The document as JSON bytes.
    static let json = Data(text.utf8)

    private static let text = #"""
        {
         "openapi": "3.1.0",
         "info": {
          "title": "LineageStore HTTP API",
          "version": "1.0.0",
          "description": "The seed systems' HTTP API over one LineageStore database (`lineage serve`). Every answer is JSON: `{\"success\": true, …}`, or `{\"success\": false, \"error\": {\"code\", \"message\"}}` with the HTTP status. Writes are answered after the commit that holds them."
         },
         "servers": [
          {
           "url": "http://127.0.0.1:8080"
          }
         ],
         "security": [
          {
           "bearer": []
          }
         ],
         "paths": {
          "/api/internal/jobs/progress": {
           "post": {
            "summary": "Merge one progress update (JSON) or many (NDJSON), exactly once per (reporter, seq)",
            "tags": [
             "progress"
            ],
            "operationId": "postProgress",
            "responses": {
             "200": {
              "description": "The outcome (applied, unkeyed, duplicate, too_old, late) and the job's progress; for NDJSON, the counts per outcome and the invalid lines",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "413": {
              "$ref": "#/components/responses/TooLarge"
             },
             "422": {
              "$ref": "#/components/responses/Unprocessable"
             }
            },
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "jobId": {
                  "type": "string"
                 },
                 "taskId": {
                  "type": "string"
                 },
                 "reporter": {
                  "type": "string"
                 },
                 "seq": {
                  "type": "integer",
                  "minimum": 0
                 },
                 "timestamp": {
                  "type": "string"
                 },
                 "status": {
                  "type": "string"
                 },
                 "processedItems": {
                  "type": "integer"
                 },
                 "totalItems": {
                  "type": "integer"
                 },
                 "currentDataType": {
                  "type": "string"
                 },
                 "itemsByType": {
                  "type": "object",
                  "additionalProperties": {
                   "type": "integer"
                  }
                 },
                 "lastProcessedId": {
                  "type": "string"
                 },
                 "stage": {
                  "type": "string"
                 },
                 "operationType": {
                  "type": "string"
                 },
                 "timeline": {
                  "type": "array",
                  "items": {
                   "type": "object"
                  }
                 },
                 "error": {
                  "type": "object"
                 }
                },
                "required": [
                 "jobId"
                ]
               }
              },
              "application/x-ndjson": {
               "schema": {
                "type": "string"
               }
              }
             }
            }
           }
          },
          "/api/jobs": {
           "post": {
            "summary": "Start a job",
            "tags": [
             "jobs"
            ],
            "operationId": "startJob",
            "responses": {
             "201": {
              "description": "The job",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "id": {
                  "type": "string"
                 },
                 "website_id": {
                  "type": "string"
                 },
                 "process_type": {
                  "type": "string"
                 },
                 "metadata": {}
                },
                "required": [
                 "website_id",
                 "process_type"
                ]
               }
              }
             }
            }
           },
           "get": {
            "summary": "Jobs, newest first",
            "tags": [
             "jobs"
            ],
            "operationId": "listJobs",
            "responses": {
             "200": {
              "description": "jobs and next_cursor",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             }
            },
            "parameters": [
             {
              "name": "status",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "process_type",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "website_id",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "since",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              },
              "description": "RFC 3339"
             },
             {
              "name": "limit",
              "in": "query",
              "required": false,
              "schema": {
               "type": "integer",
               "minimum": 1,
               "maximum": 10000,
               "default": 100
              }
             },
             {
              "name": "cursor",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              },
              "description": "The next_cursor of the previous page."
             }
            ]
           }
          },
          "/api/jobs/{id}": {
           "get": {
            "summary": "One job",
            "tags": [
             "jobs"
            ],
            "operationId": "getJob",
            "responses": {
             "200": {
              "description": "The job",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The job id"
             }
            ]
           }
          },
          "/api/jobs/{id}/complete": {
           "post": {
            "summary": "Complete a job",
            "tags": [
             "jobs"
            ],
            "operationId": "completeJob",
            "responses": {
             "200": {
              "description": "The job",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The job id"
             }
            ]
           }
          },
          "/api/jobs/{id}/fail": {
           "post": {
            "summary": "Fail a job",
            "tags": [
             "jobs"
            ],
            "operationId": "failJob",
            "responses": {
             "200": {
              "description": "The job",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The job id"
             }
            ],
            "requestBody": {
             "required": false,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "error": {
                  "type": "string"
                 }
                }
               }
              }
             }
            }
           }
          },
          "/api/jobs/{id}/pages": {
           "post": {
            "summary": "Record the pages a job observed, with the job's counters, in one transaction",
            "tags": [
             "pages"
            ],
            "operationId": "recordPages",
            "responses": {
             "200": {
              "description": "Each page with its change, and the job",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The job id"
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "pages": {
                  "type": "array",
                  "items": {
                   "type": "object",
                   "properties": {
                    "website_id": {
                     "type": "string"
                    },
                    "url": {
                     "type": "string"
                    },
                    "status": {
                     "type": "string",
                     "description": "active, error or deleted"
                    },
                    "content_hash": {
                     "type": "string",
                     "description": "XXH3-128, 32 hex digits"
                    },
                    "firecrawl_batch_id": {
                     "type": "string"
                    },
                    "error": {
                     "type": "string"
                    }
                   },
                   "required": [
                    "website_id",
                    "url"
                   ]
                  }
                 }
                },
                "required": [
                 "pages"
                ]
               }
              }
             }
            }
           }
          },
          "/api/jobs/{id}/timeline": {
           "get": {
            "summary": "A job's timeline",
            "tags": [
             "jobs"
            ],
            "operationId": "jobTimeline",
            "responses": {
             "200": {
              "description": "job_id and timeline",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The job id"
             },
             {
              "name": "limit",
              "in": "query",
              "required": false,
              "schema": {
               "type": "integer",
               "minimum": 1,
               "maximum": 100000,
               "default": 1000
              }
             }
            ]
           }
          },
          "/api/pages": {
           "get": {
            "summary": "Pages created, changed or failed by a job, from a batch, or with a status",
            "tags": [
             "pages"
            ],
            "operationId": "listPages",
            "responses": {
             "200": {
              "description": "pages and next_cursor",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             }
            },
            "parameters": [
             {
              "name": "created_by",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "updated_by",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "failed_by",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "batch",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "status",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "website",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "limit",
              "in": "query",
              "required": false,
              "schema": {
               "type": "integer",
               "minimum": 1,
               "maximum": 10000,
               "default": 100
              }
             },
             {
              "name": "cursor",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              },
              "description": "The next_cursor of the previous page."
             }
            ]
           }
          },
          "/api/pages/{id}": {
           "get": {
            "summary": "One page",
            "tags": [
             "pages"
            ],
            "operationId": "getPage",
            "responses": {
             "200": {
              "description": "The page",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The page id"
             }
            ]
           }
          },
          "/api/pages/{id}/trace": {
           "get": {
            "summary": "A page's lineage, or its state as of a time or a job",
            "tags": [
             "pages"
            ],
            "operationId": "tracePage",
            "responses": {
             "200": {
              "description": "The trace, or page_id and state",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The page id"
             },
             {
              "name": "as_of",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              },
              "description": "RFC 3339"
             },
             {
              "name": "as_of_job",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             }
            ]
           }
          },
          "/api/crawl/status": {
           "get": {
            "summary": "A user's crawl status in the seed's shape (creating the default schedule on first sight)",
            "tags": [
             "crawl"
            ],
            "operationId": "crawlStatus",
            "responses": {
             "200": {
              "description": "The crawl status",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             }
            },
            "parameters": [
             {
              "name": "user_id",
              "in": "query",
              "required": true,
              "schema": {
               "type": "string"
              }
             }
            ]
           }
          },
          "/api/crawl/schedule": {
           "post": {
            "summary": "Set a user's crawl frequency",
            "tags": [
             "crawl"
            ],
            "operationId": "setSchedule",
            "responses": {
             "200": {
              "description": "The schedule",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             }
            },
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "user_id": {
                  "type": "string"
                 },
                 "crawl_frequency_hours": {
                  "type": "integer",
                  "minimum": 1
                 }
                },
                "required": [
                 "user_id"
                ]
               }
              }
             }
            }
           }
          },
          "/api/crawl/trigger": {
           "post": {
            "summary": "Start a batch crawl under a lease",
            "tags": [
             "crawl"
            ],
            "operationId": "triggerCrawl",
            "responses": {
             "200": {
              "description": "The schedule",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "user_id": {
                  "type": "string"
                 },
                 "owner": {
                  "type": "string"
                 },
                 "lease_seconds": {
                  "type": "number",
                  "exclusiveMinimum": 0
                 }
                },
                "required": [
                 "user_id",
                 "owner"
                ]
               }
              }
             }
            }
           }
          },
          "/api/crawl/renew": {
           "post": {
            "summary": "Extend the lease of a running batch crawl",
            "tags": [
             "crawl"
            ],
            "operationId": "renewCrawl",
            "responses": {
             "200": {
              "description": "The schedule",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "user_id": {
                  "type": "string"
                 },
                 "owner": {
                  "type": "string"
                 },
                 "lease_seconds": {
                  "type": "number",
                  "exclusiveMinimum": 0
                 }
                },
                "required": [
                 "user_id",
                 "owner"
                ]
               }
              }
             }
            }
           }
          },
          "/api/crawl/release": {
           "post": {
            "summary": "Release a batch crawl's lease: its owner abandoning it, or an operator (released_by) clearing a stuck one, which is recorded",
            "tags": [
             "crawl"
            ],
            "operationId": "releaseCrawl",
            "responses": {
             "200": {
              "description": "The schedule",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "user_id": {
                  "type": "string"
                 },
                 "owner": {
                  "type": "string"
                 },
                 "released_by": {
                  "type": "string"
                 }
                },
                "required": [
                 "user_id"
                ]
               }
              }
             }
            }
           }
          },
          "/api/crawl/complete": {
           "post": {
            "summary": "Complete a batch crawl",
            "tags": [
             "crawl"
            ],
            "operationId": "completeCrawl",
            "responses": {
             "200": {
              "description": "The schedule",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "user_id": {
                  "type": "string"
                 },
                 "owner": {
                  "type": "string"
                 },
                 "sources_crawled_count": {
                  "type": "integer",
                  "minimum": 0
                 },
                 "sources_failed_count": {
                  "type": "integer",
                  "minimum": 0
                 }
                },
                "required": [
                 "user_id",
                 "owner",
                 "sources_crawled_count",
                 "sources_failed_count"
                ]
               }
              }
             }
            }
           }
          },
          "/api/crawl/fail": {
           "post": {
            "summary": "Fail a batch crawl",
            "tags": [
             "crawl"
            ],
            "operationId": "failCrawl",
            "responses": {
             "200": {
              "description": "The schedule",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "user_id": {
                  "type": "string"
                 },
                 "owner": {
                  "type": "string"
                 },
                 "error": {
                  "type": "string"
                 }
                },
                "required": [
                 "user_id",
                 "owner",
                 "error"
                ]
               }
              }
             }
            }
           }
          },
          "/api/crawl/sources/{id}/result": {
           "post": {
            "summary": "Record one source's crawl",
            "tags": [
             "crawl"
            ],
            "operationId": "sourceResult",
            "responses": {
             "200": {
              "description": "The source",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The source id"
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "user_id": {
                  "type": "string"
                 },
                 "error": {
                  "type": "string"
                 }
                },
                "required": [
                 "user_id"
                ]
               }
              }
             }
            }
           }
          },
          "/api/crawl/due": {
           "get": {
            "summary": "Schedules due for a batch crawl",
            "tags": [
             "crawl"
            ],
            "operationId": "dueCrawls",
            "responses": {
             "200": {
              "description": "schedules",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             }
            },
            "parameters": [
             {
              "name": "limit",
              "in": "query",
              "required": false,
              "schema": {
               "type": "integer",
               "minimum": 1,
               "maximum": 100000,
               "default": 100
              }
             }
            ]
           }
          },
          "/import-history": {
           "get": {
            "summary": "Import history (seed 002)",
            "tags": [
             "imports"
            ],
            "operationId": "importHistory",
            "responses": {
             "200": {
              "description": "imports, total_count, limit, offset",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             }
            },
            "parameters": [
             {
              "name": "table_name",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "user_id",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "status",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "limit",
              "in": "query",
              "required": false,
              "schema": {
               "type": "integer",
               "minimum": 1,
               "maximum": 100000,
               "default": 100
              }
             },
             {
              "name": "offset",
              "in": "query",
              "required": false,
              "schema": {
               "type": "integer",
               "minimum": 0,
               "default": 0
              }
             }
            ]
           }
          },
          "/import-history/{import_id}": {
           "get": {
            "summary": "One import with every seed field",
            "tags": [
             "imports"
            ],
            "operationId": "importRecord",
            "responses": {
             "200": {
              "description": "import_record",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             }
            },
            "parameters": [
             {
              "name": "import_id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The import id"
             }
            ]
           }
          },
          "/import-statistics": {
           "get": {
            "summary": "Import statistics over a period",
            "tags": [
             "imports"
            ],
            "operationId": "importStatistics",
            "responses": {
             "200": {
              "description": "The statistics",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             }
            },
            "parameters": [
             {
              "name": "table_name",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "user_id",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "days",
              "in": "query",
              "required": false,
              "schema": {
               "type": "integer",
               "minimum": 1,
               "maximum": 36500,
               "default": 30
              }
             }
            ]
           }
          },
          "/tables/{table_name}/lineage": {
           "get": {
            "summary": "The imports that fed a table",
            "tags": [
             "imports"
            ],
            "operationId": "tableLineage",
            "responses": {
             "200": {
              "description": "table_name, imports, total_imports, total_rows_contributed",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             }
            },
            "parameters": [
             {
              "name": "table_name",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The table"
             }
            ]
           }
          },
          "/api/imports": {
           "post": {
            "summary": "Start an import",
            "tags": [
             "imports"
            ],
            "operationId": "startImport",
            "responses": {
             "201": {
              "description": "import_record",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "import_id": {
                  "type": "string"
                 },
                 "table_name": {
                  "type": "string"
                 },
                 "source_type": {
                  "type": "string"
                 },
                 "source_path": {
                  "type": "string"
                 },
                 "file_name": {
                  "type": "string"
                 },
                 "file_size_bytes": {
                  "type": "integer",
                  "minimum": 0
                 },
                 "file_type": {
                  "type": "string"
                 },
                 "file_hash": {
                  "type": "string"
                 },
                 "import_strategy": {
                  "type": "string"
                 },
                 "mapping_config": {},
                 "duplicate_check_enabled": {
                  "type": "boolean"
                 },
                 "total_rows_in_file": {
                  "type": "integer",
                  "minimum": 0
                 },
                 "analysis_id": {
                  "type": "string"
                 },
                 "task_id": {
                  "type": "string"
                 },
                 "metadata": {},
                 "user_id": {
                  "type": "string"
                 },
                 "user_email": {
                  "type": "string"
                 }
                },
                "required": [
                 "table_name"
                ]
               }
              }
             }
            }
           }
          },
          "/api/imports/{id}/complete": {
           "post": {
            "summary": "Finish an import",
            "tags": [
             "imports"
            ],
            "operationId": "completeImport",
            "responses": {
             "200": {
              "description": "import_record",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The import id"
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "status": {
                  "type": "string"
                 },
                 "total_rows_in_file": {
                  "type": "integer"
                 },
                 "rows_processed": {
                  "type": "integer"
                 },
                 "rows_inserted": {
                  "type": "integer"
                 },
                 "rows_skipped": {
                  "type": "integer"
                 },
                 "duplicates_found": {
                  "type": "integer"
                 },
                 "error_message": {
                  "type": "string"
                 },
                 "warnings": {},
                 "validation_errors": {},
                 "parsing_time_seconds": {
                  "type": "number"
                 },
                 "duplicate_check_time_seconds": {
                  "type": "number"
                 },
                 "insert_time_seconds": {
                  "type": "number"
                 }
                },
                "required": [
                 "status"
                ]
               }
              }
             }
            }
           }
          },
          "/api/imports/{id}/rows": {
           "post": {
            "summary": "Record the rows an import wrote",
            "tags": [
             "imports"
            ],
            "operationId": "importRows",
            "responses": {
             "200": {
              "description": "import_record",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The import id"
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "table_name": {
                  "type": "string"
                 },
                 "row_keys": {
                  "type": "array",
                  "items": {
                   "type": "string"
                  }
                 }
                },
                "required": [
                 "row_keys"
                ]
               }
              }
             }
            }
           }
          },
          "/api/imports/{id}/rollback": {
           "post": {
            "summary": "Roll an import back (or plan it with dry_run)",
            "tags": [
             "imports"
            ],
            "operationId": "rollbackImport",
            "responses": {
             "200": {
              "description": "import_record and the rows to delete",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The import id"
             }
            ],
            "requestBody": {
             "required": false,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "dry_run": {
                  "type": "boolean"
                 }
                }
               }
              }
             }
            }
           }
          },
          "/api/stages": {
           "post": {
            "summary": "Define processing stages (or install the seed's default pipeline)",
            "tags": [
             "stages"
            ],
            "operationId": "defineStages",
            "responses": {
             "200": {
              "description": "The stage definitions",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             }
            },
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "stages": {
                  "type": "array",
                  "items": {
                   "type": "object",
                   "properties": {
                    "name": {
                     "type": "string"
                    },
                    "depends_on": {
                     "type": "array",
                     "items": {
                      "type": "string"
                     }
                    },
                    "optional": {
                     "type": "boolean"
                    },
                    "max_retries": {
                     "type": "integer",
                     "minimum": 0
                    },
                    "description": {
                     "type": "string"
                    }
                   },
                   "required": [
                    "name"
                   ]
                  }
                 },
                 "default_pipeline": {
                  "type": "boolean"
                 }
                }
               }
              }
             }
            }
           }
          },
          "/api/stages/graph": {
           "get": {
            "summary": "The stage DAG as JSON, DOT or Mermaid",
            "tags": [
             "stages"
            ],
            "operationId": "stageGraph",
            "responses": {
             "200": {
              "description": "The graph",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               },
               "text/vnd.graphviz": {
                "schema": {
                 "type": "string"
                }
               },
               "text/plain": {
                "schema": {
                 "type": "string"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             }
            },
            "parameters": [
             {
              "name": "format",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string",
               "enum": [
                "json",
                "dot",
                "mermaid"
               ]
              }
             }
            ]
           }
          },
          "/api/stages/{stage}/waiting": {
           "get": {
            "summary": "Documents at a stage",
            "tags": [
             "stages"
            ],
            "operationId": "waitingDocuments",
            "responses": {
             "200": {
              "description": "documents and next_cursor",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             }
            },
            "parameters": [
             {
              "name": "stage",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The stage"
             },
             {
              "name": "status",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              }
             },
             {
              "name": "limit",
              "in": "query",
              "required": false,
              "schema": {
               "type": "integer",
               "minimum": 1,
               "maximum": 10000,
               "default": 100
              }
             },
             {
              "name": "cursor",
              "in": "query",
              "required": false,
              "schema": {
               "type": "string"
              },
              "description": "The next_cursor of the previous page."
             }
            ]
           }
          },
          "/api/documents": {
           "post": {
            "summary": "Add a document with every stage pending",
            "tags": [
             "stages"
            ],
            "operationId": "addDocument",
            "responses": {
             "201": {
              "description": "The document",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "document_id": {
                  "type": "string"
                 },
                 "title": {
                  "type": "string"
                 },
                 "realm": {
                  "type": "string"
                 },
                 "workflow_type": {
                  "type": "string"
                 },
                 "configuration": {}
                },
                "required": [
                 "document_id"
                ]
               }
              }
             }
            }
           }
          },
          "/api/documents/{id}/stages": {
           "get": {
            "summary": "A document with its stages, outputs and workflow in one snapshot",
            "tags": [
             "stages"
            ],
            "operationId": "documentStages",
            "responses": {
             "200": {
              "description": "The overview",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The document id"
             }
            ]
           }
          },
          "/api/documents/{id}/next": {
           "get": {
            "summary": "The stages a document can run next",
            "tags": [
             "stages"
            ],
            "operationId": "nextStages",
            "responses": {
             "200": {
              "description": "runnable_stages",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The document id"
             }
            ]
           }
          },
          "/api/documents/{id}/stages/{stage}/start": {
           "post": {
            "summary": "Start a stage",
            "tags": [
             "stages"
            ],
            "operationId": "startStage",
            "responses": {
             "200": {
              "description": "The stage state",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The document id"
             },
             {
              "name": "stage",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The stage"
             }
            ]
           }
          },
          "/api/documents/{id}/stages/{stage}/complete": {
           "post": {
            "summary": "Complete a stage",
            "tags": [
             "stages"
            ],
            "operationId": "completeStage",
            "responses": {
             "200": {
              "description": "The stage state",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The document id"
             },
             {
              "name": "stage",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The stage"
             }
            ]
           }
          },
          "/api/documents/{id}/stages/{stage}/skip": {
           "post": {
            "summary": "Skip an optional stage",
            "tags": [
             "stages"
            ],
            "operationId": "skipStage",
            "responses": {
             "200": {
              "description": "The stage state",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The document id"
             },
             {
              "name": "stage",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The stage"
             }
            ]
           }
          },
          "/api/documents/{id}/stages/{stage}/fail": {
           "post": {
            "summary": "Fail a stage",
            "tags": [
             "stages"
            ],
            "operationId": "failStage",
            "responses": {
             "200": {
              "description": "The stage state",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The document id"
             },
             {
              "name": "stage",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The stage"
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "error": {
                  "type": "string"
                 }
                },
                "required": [
                 "error"
                ]
               }
              }
             }
            }
           }
          },
          "/api/documents/{id}/stages/{stage}/outputs": {
           "post": {
            "summary": "Record a file a stage wrote (digests computed by the caller)",
            "tags": [
             "stages"
            ],
            "operationId": "stageOutput",
            "responses": {
             "201": {
              "description": "The output",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             },
             "404": {
              "$ref": "#/components/responses/NotFound"
             },
             "409": {
              "$ref": "#/components/responses/Conflict"
             }
            },
            "parameters": [
             {
              "name": "id",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The document id"
             },
             {
              "name": "stage",
              "in": "path",
              "required": true,
              "schema": {
               "type": "string",
               "minLength": 1
              },
              "description": "The stage"
             }
            ],
            "requestBody": {
             "required": true,
             "content": {
              "application/json": {
               "schema": {
                "type": "object",
                "properties": {
                 "path": {
                  "type": "string"
                 },
                 "mime_type": {
                  "type": "string"
                 },
                 "file_type": {
                  "type": "string"
                 },
                 "metadata": {},
                 "size": {
                  "type": "integer",
                  "minimum": 0
                 },
                 "sha256": {
                  "type": "string",
                  "pattern": "^[0-9a-fA-F]{64}$"
                 },
                 "xxh3": {
                  "type": "string",
                  "pattern": "^[0-9a-fA-F]{32}$"
                 }
                },
                "required": [
                 "path",
                 "size",
                 "sha256",
                 "xxh3"
                ]
               }
              }
             }
            }
           }
          },
          "/api/status": {
           "get": {
            "summary": "The operator's status screen",
            "tags": [
             "operations"
            ],
            "operationId": "status",
            "responses": {
             "200": {
              "description": "The status report",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             },
             "400": {
              "$ref": "#/components/responses/BadRequest"
             },
             "401": {
              "$ref": "#/components/responses/Unauthorized"
             }
            },
            "parameters": [
             {
              "name": "limit",
              "in": "query",
              "required": false,
              "schema": {
               "type": "integer",
               "minimum": 1,
               "maximum": 10000,
               "default": 20
              }
             }
            ]
           }
          },
          "/healthz": {
           "get": {
            "summary": "Liveness: the store answers reads",
            "tags": [
             "operations"
            ],
            "operationId": "health",
            "responses": {
             "200": {
              "description": "ok",
              "content": {
               "application/json": {
                "schema": {
                 "$ref": "#/components/schemas/Success"
                }
               }
              }
             }
            },
            "security": []
           }
          },
          "/openapi.json": {
           "get": {
            "summary": "This document",
            "tags": [
             "operations"
            ],
            "operationId": "openapi",
            "responses": {
             "200": {
              "description": "The OpenAPI document",
              "content": {
               "application/json": {
                "schema": {
                 "type": "object"
                }
               }
              }
             }
            },
            "security": []
           }
          }
         },
         "components": {
          "securitySchemes": {
           "bearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "A token whose SHA-256 digest is in the server's token file"
           }
          },
          "schemas": {
           "Success": {
            "type": "object",
            "required": [
             "success"
            ],
            "properties": {
             "success": {
              "const": true
             }
            }
           },
           "Error": {
            "type": "object",
            "required": [
             "success",
             "error"
            ],
            "properties": {
             "success": {
              "const": false
             },
             "error": {
              "type": "object",
              "properties": {
               "code": {
                "type": "string"
               },
               "message": {
                "type": "string"
               }
              },
              "required": [
               "code",
               "message"
              ]
             }
            }
           }
          },
          "responses": {
           "BadRequest": {
            "description": "The request is malformed; the message names the field",
            "content": {
             "application/json": {
              "schema": {
               "$ref": "#/components/schemas/Error"
              }
             }
            }
           },
           "Unauthorized": {
            "description": "No accepted bearer token",
            "content": {
             "application/json": {
              "schema": {
               "$ref": "#/components/schemas/Error"
              }
             }
            }
           },
           "NotFound": {
            "description": "No such record or route",
            "content": {
             "application/json": {
              "schema": {
               "$ref": "#/components/schemas/Error"
              }
             }
            }
           },
           "Conflict": {
            "description": "The request conflicts with the stored state (a held lease, a taken id, an illegal transition)",
            "content": {
             "application/json": {
              "schema": {
               "$ref": "#/components/schemas/Error"
              }
             }
            }
           },
           "TooLarge": {
            "description": "The body is over 64 MiB",
            "content": {
             "application/json": {
              "schema": {
               "$ref": "#/components/schemas/Error"
              }
             }
            }
           },
           "Unprocessable": {
            "description": "The update was refused by the merge",
            "content": {
             "application/json": {
              "schema": {
               "$ref": "#/components/schemas/Error"
              }
             }
            }
           }
          }
         }
        }
        """#
}
